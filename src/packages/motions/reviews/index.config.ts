export default definePageConfig({
  navigationBarTitleText: '稳评审核',
})
