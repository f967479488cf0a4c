export { AgencyDesk, type AgencyDeskProps } from './AgencyDesk';
export { messages as deskMessages } from './messages';
