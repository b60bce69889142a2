// Every migration, in order. Listed as classes so the app, the CLI and the tests load the same set.
import { Foundation1795300000000 } from './1795300000000-Foundation';

export const MIGRATIONS = [Foundation1795300000000];
