import packageJson from '../../package.json' with { type: 'json' };

export const MOCK_VERSION: string = packageJson.version;
