import { defaultI18nProvider, type I18nProvider } from 'react-admin';
import { resourceName, resourcePhrase } from '../resources/menu';

const RESOURCE_NAME = /^resources\.([^.]+)\.name$/;
const RESOURCE_PHRASE = /^resources\.([^.]+)\.forcedCaseName$/;
const RESOURCE_NOTIFICATION = /^resources\.([^.]+)\.notifications\.(created|updated|deleted)$/;

const OVERRIDES: Record<string, string> = {
  // A record of another tenant answers 404 like a missing one: say so without guessing which.
  'ra.notification.item_doesnt_exist': 'This record does not exist or is not visible to you',
  // Asked by every form (warnWhenUnsavedChanges) before the user leaves it with changes not saved.
  'ra.message.unsaved_changes': 'You have unsaved changes on this page. Leave it and lose them?',
};

/**
 * react-admin's English messages, plus the resource names of menu.ts with their singular
 * (so a page reads "Create Organisation", the menu "Organisations").
 */
export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate(key, options) {
    // A sentence rather than a message key (e.g. a button's successMessage) is shown as written.
    if (/\s/.test(key)) return key;
    const match = RESOURCE_NAME.exec(key);
    if (match) {
      const count = typeof options?.smart_count === 'number' ? options.smart_count : 2;
      const name = resourceName(match[1], count);
      if (name) return name;
    }
    const phrase = RESOURCE_PHRASE.exec(key);
    if (phrase) {
      const text = resourcePhrase(phrase[1]);
      if (text) return text;
    }
    const notification = RESOURCE_NOTIFICATION.exec(key);
    if (notification) {
      const name = resourceName(notification[1], 1);
      if (name) return `${name} ${notification[2]}`;
    }
    if (key in OVERRIDES) return OVERRIDES[key];
    return defaultI18nProvider.translate(key, options);
  },
};
