import type { PropsWithChildren } from 'react'

import './app.scss'

// App start without a session lands on the login page through the tab pages' guard
// (useRequireSession): the first page is 首页, which sends a signed-out visitor to login.
function App({ children }: PropsWithChildren) {
  return children
}

export default App
