// Setup of the `dates` project: the run starts at an instant of the date matrix (TL_TEST_START)
// with its calendar entries (TL_TEST_CALENDAR): the point named in TL_DATE_POINT, or the point of
// the day. Time-skipping servers and seeds read these when a test file starts them.
import { systemClock } from '../../domain/clock';
import { datePoint } from './date-matrix';

const point = datePoint(systemClock().getTime(), process.env.TL_DATE_POINT);
process.env.TL_TEST_START = point.start;
process.env.TL_TEST_CALENDAR = JSON.stringify(point.calendar);
