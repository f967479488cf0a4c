// The async boundary lets Module Federation settle shared React/ui-kit before any of it runs.
void import('./bootstrap');
