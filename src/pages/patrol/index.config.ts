export default definePageConfig({
  navigationBarTitleText: '巡逻',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
