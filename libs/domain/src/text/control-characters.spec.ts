import { codePointName, escapeRefusedCharacters, findRefusedCharacter, refusedCharacterMessage } from './control-characters';

describe('refused characters', () => {
  it.each([
    ['\u0000', 0],
    ['a\u0001b', 1],
    ['form\u000Cfeed', 4],
    ['vertical\u000Btab', 8],
    ['esc\u001B[31m', 3],
    ['del\u007F', 3],
    ['c1\u0085', 2],
    ['c1\u009F', 2],
    ['lone high \uD800 surrogate', 10],
    ['lone low \uDC00 surrogate', 9],
    ['high at the end \uD83D', 16],
  ])('finds the first refused character in %j at %d', (text, index) => {
    expect(findRefusedCharacter(text)?.index).toBe(index);
  });

  it.each([['plain'], ['tab\there'], ['line\nbreak\r\nwindows'], ['accents: é ü ß'], ['emoji: 🎉 (a surrogate pair)'], ['€ U+20AC'], ['\u00A0 no-break space'], ['']])('lets %j through', (text) => {
    expect(findRefusedCharacter(text)).toBeNull();
  });

  it('names the character by its code point, never by itself', () => {
    const found = findRefusedCharacter('ab\u0000');
    expect(found).toEqual({ index: 2, code: 0 });
    const message = refusedCharacterMessage(found!);
    expect(message).toContain('U+0000 at position 3');
    expect(message).not.toContain('\u0000');
    expect(codePointName(0x9f)).toBe('U+009F');
    expect(refusedCharacterMessage(findRefusedCharacter('\uDC00')!)).toContain('unpaired surrogate');
  });

  it('escapes refused characters for echoing outside text', () => {
    expect(escapeRefusedCharacters('a\u0000b\u001Fc\td')).toBe('a\\u0000b\\u001fc\td');
    expect(escapeRefusedCharacters('clean')).toBe('clean');
  });
});
