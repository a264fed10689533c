// The worker's screens besides the form, and the update banner: one chunk fetched right after the
// form's first paint (kept offline with the rest by the service worker), not in the first load.
import './screens.css'
export { Lookup } from './Lookup'
export { MineCount } from './MineCount'
export { MineList } from './MineList'
export { SubmitDone } from './SubmitDone'
export { UpdateBanner } from './UpdateBanner'
