import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddTask from '@mui/icons-material/AddTask';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useCanAccess, useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { CorrectiveActionPlan, CorrectiveActionTask } from '@tandem/contracts';
import { errorMessage, fieldErrors, postJson, sendJson } from '../../common/api';
import { planStatusChoices, taskStatusChoices } from '../../common/enumChoices';
import { StateChip } from '../../common/StatusChip';

function useRun() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await action();
      notify(done, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      return false;
    }
  };
}

/** The plan's status, changed in place by the customer, the supplier's admin or staff. */
export function PlanStatusSelect() {
  const plan = useRecordContext<CorrectiveActionPlan>();
  const { canAccess } = useCanAccess({ resource: 'corrective-action-plans', action: 'edit' });
  const run = useRun();
  if (!plan) return null;
  if (!canAccess) return <StateChip value={plan.status} />;
  return (
    <TextField
      select
      size="small"
      label="Plan status"
      value={plan.status}
      fullWidth={false}
      margin="none"
      sx={{ width: 200 }}
      onChange={(e) => void run(() => sendJson('PATCH', `/api/corrective-action-plans/${plan.id}`, { status: e.target.value }), 'Plan status changed')}
    >
      {planStatusChoices.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {c.name}
        </MenuItem>
      ))}
    </TextField>
  );
}

function AddTaskForm({ plan }: { plan: CorrectiveActionPlan }) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState(plan.dueOn);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setErrors({ title: 'Say what is to be done' });
      return;
    }
    try {
      await postJson(`/api/corrective-action-plans/${plan.id}/tasks`, { title: title.trim(), dueOn, ...(owner.trim() ? { owner: owner.trim() } : {}) });
      setTitle('');
      setOwner('');
      setErrors({});
      notify('Task added', { type: 'success' });
      refresh();
    } catch (error) {
      setErrors(fieldErrors(error));
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}>
      <TextField
        fullWidth={false}
        margin="none"
        label="New task"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={Boolean(errors.title)}
        helperText={errors.title ?? ' '}
        sx={{ flex: '2 1 320px' }}
      />
      <TextField fullWidth={false} margin="none" label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} helperText={errors.owner ?? ' '} sx={{ flex: '1 1 180px' }} />
      <TextField
        fullWidth={false}
        margin="none"
        sx={{ width: 180 }}
        type="date"
        label="Due"
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={Boolean(errors.dueOn)}
        helperText={errors.dueOn ?? ' '}
        slotProps={{ inputLabel: { shrink: true } }}
      />
      <Button type="submit" variant="outlined" startIcon={<AddTask />} sx={{ mt: 1 }}>
        Add task
      </Button>
    </Box>
  );
}

/** The plan's tasks: status changes in place; writers add and remove tasks. */
export function PlanTasks() {
  const plan = useRecordContext<CorrectiveActionPlan>();
  const { canAccess } = useCanAccess({ resource: 'corrective-action-plans', action: 'edit' });
  const { canAccess: canMoveOwn } = useCanAccess({ resource: 'corrective-action-tasks', action: 'update-status' });
  const { identity } = useGetIdentity();
  const run = useRun();
  if (!plan) return null;
  // Plan writers change any task; the assignee of a task (a contributor, say) only its status.
  const mayMove = (task: CorrectiveActionTask) => canAccess || (canMoveOwn && task.ownerUserId !== null && task.ownerUserId === identity?.id);
  const update = (task: CorrectiveActionTask, status: string) =>
    run(
      () => sendJson('PATCH', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}${canAccess ? '' : '/status'}`, { status }),
      `“${task.title}” is ${status === 'done' ? 'done' : 'updated'}`,
    );
  const remove = (task: CorrectiveActionTask) => run(() => sendJson('DELETE', `/api/corrective-action-plans/${plan.id}/tasks/${task.id}`), 'Task removed');
  return (
    <Box data-testid="plan-tasks">
      {plan.tasks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No tasks yet.
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>Task</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Due</TableCell>
              <TableCell>Status</TableCell>
              {canAccess && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.tasks.map((task) => (
              <TableRow key={task.id}>
                <TableCell>{task.title}</TableCell>
                <TableCell>{task.owner ?? '—'}</TableCell>
                <TableCell>{task.dueOn}</TableCell>
                <TableCell>
                  {mayMove(task) ? (
                    <TextField
                      select
                      variant="outlined"
                      margin="none"
                      fullWidth={false}
                      sx={{ width: 150 }}
                      value={task.status}
                      onChange={(e) => void update(task, e.target.value)}
                      slotProps={{ htmlInput: { 'aria-label': `Status of ${task.title}` } }}
                    >
                      {taskStatusChoices.map((c) => (
                        <MenuItem key={c.id} value={c.id}>
                          {c.name}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : (
                    <StateChip value={task.status} />
                  )}
                </TableCell>
                {canAccess && (
                  <TableCell>
                    <Tooltip title="Remove the task">
                      <IconButton size="small" aria-label={`Remove ${task.title}`} onClick={() => void remove(task)}>
                        <DeleteOutline fontSize="small" />
                      </IconButton>
                    </Tooltip>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canAccess && <AddTaskForm plan={plan} />}
    </Box>
  );
}
