import { REDACTED, redactUrl } from './redact';

describe('redactUrl', () => {
  it('replaces the values of secret-named query parameters only', () => {
    expect(redactUrl('/api/queues?token=abc.def&x=1')).toBe(`/api/queues?token=${REDACTED}&x=1`);
    expect(redactUrl('/a?apiKey=tdm_x&refresh_token=r&client_secret=s&password=p&q=acme')).toBe(
      `/a?apiKey=${REDACTED}&refresh_token=${REDACTED}&client_secret=${REDACTED}&password=${REDACTED}&q=acme`,
    );
    expect(redactUrl('/a?ACCESS%5FTOKEN=zzz')).toBe(`/a?ACCESS%5FTOKEN=${REDACTED}`);
  });
  it('leaves URLs without secrets alone', () => {
    expect(redactUrl('/api/organisations?filter=%7B%22q%22%3A%22steel%22%7D&range=[0,24]')).toBe('/api/organisations?filter=%7B%22q%22%3A%22steel%22%7D&range=[0,24]');
    expect(redactUrl('/health')).toBe('/health');
    expect(redactUrl('/a?flag')).toBe('/a?flag');
  });
});
