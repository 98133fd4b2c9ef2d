// A second door into the domain library for bundles that need only the label catalogue (the public widget): it
// reaches no other domain module at run time, so a bundler keeps just the sections that are imported.
export * from './lib/labels';
