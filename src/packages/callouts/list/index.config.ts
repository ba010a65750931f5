export default definePageConfig({ navigationBarTitleText: '社区动员', enablePullDownRefresh: false })
