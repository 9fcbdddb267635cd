export const sidebar = [{ slug: 'intro' }];
