/** The SQL twin of isCollectedIn lives beside it in libs/domain (the seed and worker SQL files import it without the server's modules). */
export { collectedInSql } from '@tandem/domain';
