export default definePageConfig({
  navigationBarTitleText: '巡逻详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
