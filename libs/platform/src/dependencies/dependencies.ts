import { Logger } from '@nestjs/common';
import { DependencyStatus } from './dependency-status';

const logger = new Logger('Dependencies');

/** The process's one view of its dependencies: connections, background loops and `/health/ready` all report here. */
export const dependencies = new DependencyStatus({ lost: (line) => logger.warn(line), back: (line) => logger.log(line) });
