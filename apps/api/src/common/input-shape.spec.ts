import { inputShapeErrors, MAX_INPUT_DEPTH, pathShapeErrors, queryShapeErrors } from './input-shape';

describe('input shapes refused at the edge', () => {
  it('names every string with a refused character by its path', () => {
    expect(inputShapeErrors({ name: 'a\u0000b', rows: [{ note: 'ok' }, { note: 'bell \u0007' }], tags: ['fine', 'esc\u001B'] }).map((e) => e.path)).toEqual(['name', 'rows.1.note', 'tags.1']);
  });

  it('lets tabs, line breaks and ordinary Unicode through', () => {
    expect(inputShapeErrors({ note: 'line one\nline two\ttabbed\r\n', name: 'Zürich 🎉' })).toEqual([]);
  });

  it('refuses field names with control characters or reserved names, without echoing the character', () => {
    const errors = inputShapeErrors(JSON.parse('{"a\\u0000b": 1, "__proto__": {"x": 1}, "nested": {"constructor": 1}}'));
    expect(errors.map((e) => e.path)).toEqual(['a\\u0000b', '__proto__', 'nested.constructor']);
    expect(JSON.stringify(errors)).not.toContain('\\u0000"');
  });

  it('refuses nesting deeper than the limit, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const errors = inputShapeErrors({ deep });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe(`nested deeper than ${MAX_INPUT_DEPTH} levels`);
  });

  it('names JSON query parameters by their inside: filter.q', () => {
    expect(queryShapeErrors({ filter: JSON.stringify({ q: 'x\u0000' }), sort: '["name","ASC"]' })).toEqual([{ path: 'filter.q', message: expect.stringContaining('U+0000') }]);
    expect(queryShapeErrors({ filter: '{"q":"a\u0000', range: '[0,24]' }).map((e) => e.path)).toEqual(['filter']);
    expect(queryShapeErrors({ __proto__x: '1', ['\u0001']: 'x' }).map((e) => e.path)).toEqual(['\\u0001']);
  });

  it('refuses a path that is not percent-encoded UTF-8', () => {
    expect(pathShapeErrors('/api/organisations/%ZZ')).toEqual([{ path: 'path', message: '"%ZZ" is not percent-encoded UTF-8' }]);
    expect(pathShapeErrors('/api/organisations/%ED%A0%80')).toHaveLength(1);
    expect(pathShapeErrors('/api/organisations/%F0%9F%8E%89')).toEqual([]);
  });
});
