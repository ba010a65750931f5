export default definePageConfig({
  navigationBarTitleText: '议事表决',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
