export default definePageConfig({
  navigationBarTitleText: '问题总览',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
