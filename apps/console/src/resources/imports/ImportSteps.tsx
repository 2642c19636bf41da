import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { ImportStatus } from '@tandem/contracts';

const STEPS = ['Upload a CSV', 'Check the rows', 'Review the errors', 'Commit the valid rows'];

function activeStep(status: ImportStatus | null): number {
  switch (status) {
    case null:
      return 0;
    case 'uploaded':
    case 'parsing':
      return 1;
    case 'parsed':
    case 'failed':
      return 2;
    case 'committing':
      return 3;
    case 'committed':
    case 'cancelled':
      return 4;
  }
}

/** Where the import wizard is: upload → check (worker) → review → commit. */
export function ImportSteps({ status }: { status: ImportStatus | null }) {
  const active = activeStep(status);
  return (
    <Stepper activeStep={active} alternativeLabel sx={{ py: 2 }}>
      {STEPS.map((label, index) => (
        <Step key={label} completed={index < active && !(status === 'cancelled' && index === 3)}>
          <StepLabel error={(status === 'failed' && index === 1) || (status === 'cancelled' && index === 3)}>{label}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
