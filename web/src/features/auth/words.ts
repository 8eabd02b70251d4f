// The sign-in pages' own words (the development sign-in's are in i18n.ts with the shell's).
import { defineWords } from '../../lib/chrome-words';

export const useAuthWords = defineWords({
  'zh-CN': {
    'oidc.title': '登录',
    'oidc.hint': '使用本单位的统一身份认证账号登录；登录后按身份认证中的角色与单位开放相应页面。',
    'oidc.sign-in': '使用统一身份认证登录',
    'callback.working': '正在完成登录…',
    'callback.failed': '登录未完成',
    'callback.again': '重新登录',
  },
  en: {
    'oidc.title': 'Sign in',
    'oidc.hint': "Sign in with your organisation's single sign-on account; the pages open according to the roles and organisation it holds.",
    'oidc.sign-in': 'Sign in with single sign-on',
    'callback.working': 'Completing the sign-in…',
    'callback.failed': 'The sign-in was not completed',
    'callback.again': 'Sign in again',
  },
});
