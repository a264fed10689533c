import type { Me } from '../../shared/admin-api'
import { Dashboard } from './dashboard/Dashboard'
import { Header } from './Header'
import { Inbox } from './inbox/Inbox'
import { ItemPage } from './item/ItemPage'
import { Accounts } from './manage/Accounts'
import { Categories } from './manage/Categories'
import { EntryPoints } from './manage/EntryPoints'
import { PasswordForm } from './manage/PasswordForm'
import { Templates } from './manage/Templates'
import { Notify } from './manage/Notify'
import { Units } from './manage/Units'
import { PosterPage } from './posters/PosterPage'
import { ReportPage } from './report/ReportPage'
import { SlipPage } from './slip/SlipPage'
import { Tasks } from './tasks/Tasks'
import { SCREENS_BY_ROLE, type Screen } from './nav'
import { useRoute } from './route'

/** The logged-in frame: header, then the screen the hash names if this role may open it, else its home. */
export function Shell({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const route = useRoute()
  const screens = SCREENS_BY_ROLE[me.role]
  const wanted: Screen | null = route.name === 'item' || route.name === 'slip' ? 'inbox' : route.name === 'posters' ? 'entry-points' : route.name === 'home' ? null : route.name
  const screen = wanted && screens.includes(wanted) ? wanted : screens[0]!
  // The posters are paper: no header or menu around them, only their own print bar.
  if (screen === 'entry-points' && route.name === 'posters') return <PosterPage query={route.query} />
  return (
    <div class="adm">
      <Header me={me} current={screen} onLogout={onLogout} />
      <main class="adm-main">
        {screen === 'dashboard' && <Dashboard me={me} query={route.name === 'dashboard' ? route.query : ''} />}
        {screen === 'tasks' && <Tasks />}
        {screen === 'inbox' && route.name === 'item' && <ItemPage key={route.id} id={route.id} me={me} report={route.report} />}
        {screen === 'inbox' && route.name === 'slip' && <SlipPage key={route.assignmentId} id={route.id} assignmentId={route.assignmentId} />}
        {screen === 'inbox' && route.name !== 'item' && route.name !== 'slip' && <Inbox me={me} query={route.name === 'inbox' ? route.query : ''} />}
        {screen === 'report' && <ReportPage me={me} query={route.name === 'report' ? route.query : ''} />}
        {screen === 'users' && <Accounts me={me} />}
        {screen === 'units' && <Units />}
        {screen === 'entry-points' && <EntryPoints canEdit={me.role === 'admin'} wordsOf={me.role === 'officer' ? me.unit.path : null} />}
        {screen === 'categories' && <Categories me={me} />}
        {screen === 'templates' && <Templates />}
        {screen === 'notify' && <Notify />}
        {screen === 'password' && <PasswordForm />}
      </main>
    </div>
  )
}
