export default definePageConfig({
  navigationBarTitleText: '预警',
})
