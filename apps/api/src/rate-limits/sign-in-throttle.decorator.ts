import { SetMetadata } from '@nestjs/common';

export const SIGN_IN_THROTTLE = 'hopwatch:sign-in-throttle';

/** Puts a route under the stricter sign-in limit (HOPWATCH_RATE_LIMIT_SIGN_IN per address), on top of the others. */
export const SignInThrottle = () => SetMetadata(SIGN_IN_THROTTLE, true);
