// An error whose words are a phrase of the catalogue: whoever shows it says it in the reader's
// language; its message is the English, for logs.
import { sayPhrase, type Phrase } from './say';

export class WordedError extends Error {
  constructor(readonly phrase: Phrase) {
    super(sayPhrase('en', phrase));
  }
}
