export default definePageConfig({
  navigationBarTitleText: '我的上报',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
