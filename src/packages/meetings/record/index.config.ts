export default definePageConfig({
  navigationBarTitleText: '记录联席会议',
})
