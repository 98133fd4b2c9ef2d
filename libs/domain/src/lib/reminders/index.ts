export * from './reminders';
export * from './reminder-messages';
