export default definePageConfig({
  navigationBarTitleText: '记录调解',
})
