import simpleRestProvider from 'ra-data-simple-rest';
import { httpClient } from './httpClient';

/** Stock simple REST: the API follows react-admin's protocol, so nothing is customised here. */
export const dataProvider = simpleRestProvider('/api', httpClient);
