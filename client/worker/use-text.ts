import { textHook } from '../i18n/lang'
import { WORKER_TEXT } from './strings'

/** The current language and the worker's text for a key; re-renders on a language switch. */
export const useText = textHook(WORKER_TEXT)
