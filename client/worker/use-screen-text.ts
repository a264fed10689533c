import { pick, type Text } from '../i18n/lang'
import type { Lang } from '../../shared/lang'
import type { FormKey } from './strings'
import { SCREEN_TEXT, type ScreenKey } from './strings-screens'
import { useText } from './use-text'

/** The text hook of the screens loaded after the form: their own texts, and the form's they share (我的意见, 保存失败…). */
export function useScreenText(): { lang: Lang; s: (key: ScreenKey | FormKey) => string; l: (label: Text) => string } {
  const { lang, s, l } = useText()
  return { lang, l, s: (key) => (key in SCREEN_TEXT ? pick(lang, SCREEN_TEXT[key as ScreenKey]) : s(key as FormKey)) }
}
