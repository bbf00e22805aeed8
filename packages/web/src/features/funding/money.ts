export { formatFen } from '../applications/labels';
export { yuanToFen } from '../applications/applicationFormValues';
