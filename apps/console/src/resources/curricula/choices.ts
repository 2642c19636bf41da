import { CURRICULUM_LEVELS, ENROLMENT_STATUSES } from '@tandem/contracts';
import { humanize, type Choice } from '../../common/choices';

export const curriculumLevelChoices: Choice[] = CURRICULUM_LEVELS.map((id) => ({ id, name: humanize(id) }));
export const enrolmentStatusChoices: Choice[] = ENROLMENT_STATUSES.map((id) => ({ id, name: humanize(id) }));
