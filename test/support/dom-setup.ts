afterEach(() => {
  window.localStorage.clear()
})
