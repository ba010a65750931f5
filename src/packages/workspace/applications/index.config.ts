export default definePageConfig({
  navigationBarTitleText: '认证审核',
})
