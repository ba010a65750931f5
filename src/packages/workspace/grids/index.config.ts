export default definePageConfig({
  navigationBarTitleText: '网格服务电话',
})
