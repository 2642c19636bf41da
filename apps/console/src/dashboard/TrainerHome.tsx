import Typography from '@mui/material/Typography';
import { useGetList } from 'react-admin';
import type { CourseSession } from '@tandem/contracts';
import { errorText, HomeCard, HomeGrid, HomeLine } from './HomeCard';
import { formatDay, plural } from './links';

const SHOWN = 5;
const today = () => new Date().toISOString().slice(0, 10);

function SessionLines({ sessions, total, what }: { sessions: CourseSession[]; total: number; what: string }) {
  return (
    <>
      {sessions.map((s) => (
        <HomeLine
          key={s.id}
          testId="home-session"
          to={`/course-sessions/${encodeURIComponent(s.id)}/show`}
          primary={s.curriculumTitle}
          secondary={`${formatDay(s.startsOn)} – ${formatDay(s.endsOn)} · ${s.location} · ${s.seatsTaken} / ${s.capacity} seats`}
        />
      ))}
      {total > sessions.length && (
        <Typography variant="caption" color="text.secondary" component="div">
          and {plural(total - sessions.length, `more ${what}`)}
        </Typography>
      )}
    </>
  );
}

/** A trainer's own work: sessions over whose attendance is still to record, and the sessions coming. */
export function TrainerHome() {
  const toRecord = useGetList<CourseSession>('course-sessions', { filter: { attendanceToRecord: true }, sort: { field: 'endsOn', order: 'ASC' }, pagination: { page: 1, perPage: SHOWN } });
  const upcoming = useGetList<CourseSession>('course-sessions', { filter: { from: today() }, sort: { field: 'startsOn', order: 'ASC' }, pagination: { page: 1, perPage: SHOWN } });
  return (
    <HomeGrid>
      <HomeCard
        title="Attendance left to record"
        testId="home-attendance-to-record"
        loading={toRecord.isPending}
        error={errorText(toRecord.error)}
        figure={toRecord.total ?? 0}
        figureLabel={toRecord.total === 1 ? 'session over with attendance to record' : 'sessions over with attendance to record'}
        to={`/course-sessions?filter=${encodeURIComponent(JSON.stringify({ attendanceToRecord: true }))}`}
        linkText="Open these sessions"
      >
        <SessionLines sessions={toRecord.data ?? []} total={toRecord.total ?? 0} what="session" />
      </HomeCard>
      <HomeCard
        title="Upcoming sessions"
        testId="home-upcoming-sessions"
        loading={upcoming.isPending}
        error={errorText(upcoming.error)}
        figure={upcoming.total ?? 0}
        figureLabel={upcoming.total === 1 ? 'session from today' : 'sessions from today'}
        to="/course-sessions"
        linkText="Open the calendar"
      >
        <SessionLines sessions={upcoming.data ?? []} total={upcoming.total ?? 0} what="session" />
      </HomeCard>
    </HomeGrid>
  );
}
