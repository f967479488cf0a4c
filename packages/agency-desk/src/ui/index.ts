export { AgencyDesk, type AgencyDeskProps, type DeskSection } from './AgencyDesk';
export { messages as deskMessages } from './messages';
