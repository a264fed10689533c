import { textHook } from '../i18n/lang'
import { S } from './strings'

/** The current language and the reviewers' text for a key; re-renders on a language switch. */
export const useText = textHook(S)
