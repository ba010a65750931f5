export default definePageConfig({
  navigationBarTitleText: '本月积分榜',
})
