import { decideCirculation } from './circulation';

const firm = (id: string, hires: number, receivedTrained: number) => ({ organisationId: id, hires, receivedTrained });

describe('decideCirculation', () => {
  const five = ['a', 'b', 'c', 'd', 'e'].map((id) => firm(id, 4, 1));

  it('adds up the hiring firms and gives the share hired trained', () => {
    expect(decideCirculation(five, 5, null)).toEqual({ withheld: null, hires: 20, trainedMoves: 5, hiringFirms: 5, share: 0.25 });
  });

  it('withholds below k hiring firms, not counting the reader’s own, nor firms that hired nobody', () => {
    expect(decideCirculation(five, 5, 'a').withheld).toBe('fewer_than_k');
    expect(decideCirculation([...five, firm('f', 0, 0)], 5, 'a').withheld).toBe('fewer_than_k');
    expect(decideCirculation([...five, firm('f', 4, 1)], 5, 'a').withheld).toBeNull();
    // a person acting for two of the firms knows both
    expect(decideCirculation([...five, firm('f', 4, 1)], 5, new Set(['a', 'b'])).withheld).toBe('fewer_than_k');
  });

  it('withholds when one firm makes most of the hires or of the trained hires', () => {
    expect(decideCirculation([...five, firm('big', 40, 0)], 5, null).withheld).toBe('dominated');
    expect(decideCirculation([...five.map((f) => ({ ...f, receivedTrained: 0 })), firm('x', 4, 3)], 5, null).withheld).toBe('dominated');
  });

  it('does not count firms whose only hires came from the reader: made-up moves unlock nothing for their maker', () => {
    const dummies = ['p', 'q', 'r', 's', 't'].map((id) => ({ ...firm(id, 1, 1), hiresFromReader: 1, trainedFromReader: 1 }));
    const real = [firm('badger', 3, 1)];
    expect(decideCirculation([...dummies, ...real], 5, 'attacker').withheld).toBe('fewer_than_k');
    // a firm with hires of its own besides the reader's workers still counts
    expect(decideCirculation([...dummies.map((d) => ({ ...d, hires: 2, receivedTrained: 2 })), ...real], 5, 'attacker').withheld).toBeNull();
  });

  it('has no share without hires', () => {
    expect(decideCirculation([], 5, null)).toMatchObject({ share: null, withheld: 'fewer_than_k', hires: 0 });
  });
});
