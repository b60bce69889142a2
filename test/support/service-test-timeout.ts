// Tests against real services and real schedules wait on clocks (intervals, timeouts); give them room.
jest.setTimeout(90_000);
