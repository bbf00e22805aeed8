import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

const tencent = {
  FAYUAN_SMS_PROVIDER: 'tencent',
  FAYUAN_TENCENT_SMS_SECRET_ID: 'AKIDexample',
  FAYUAN_TENCENT_SMS_SECRET_KEY: 'secret',
  FAYUAN_TENCENT_SMS_SDK_APP_ID: '1400000001',
  FAYUAN_TENCENT_SMS_SIGN_NAME: '北京市法律援助中心',
  FAYUAN_TENCENT_SMS_TEMPLATES: '{"otp_code":{"id":"2000001","params":["code","minutes"]}}',
};

describe('the SMS provider in the configuration', () => {
  it('is the simulator unless FAYUAN_SMS_PROVIDER names Tencent', () => {
    expect(readConfig({}).tencentSms).toBeUndefined();
    expect(readConfig({ FAYUAN_SMS_PROVIDER: 'simulator' }).tencentSms).toBeUndefined();
    expect(() => readConfig({ FAYUAN_SMS_PROVIDER: 'aliyun' })).toThrow(
      'FAYUAN_SMS_PROVIDER must be simulator or tencent, got "aliyun"',
    );
  });

  it('reads Tencent’s settings, with the default region and endpoint', () => {
    expect(readConfig(tencent).tencentSms).toEqual({
      secretId: 'AKIDexample',
      secretKey: 'secret',
      sdkAppId: '1400000001',
      signName: '北京市法律援助中心',
      region: 'ap-guangzhou',
      endpoint: 'https://sms.tencentcloudapi.com',
      templates: { otp_code: { id: '2000001', params: ['code', 'minutes'] } },
    });
    expect(
      readConfig({ ...tencent, FAYUAN_TENCENT_SMS_ENDPOINT: 'sms.ap-beijing.tencentcloudapi.com' }).tencentSms
        ?.endpoint,
    ).toBe('https://sms.ap-beijing.tencentcloudapi.com');
  });

  it('refuses to start with a setting missing or malformed, naming it', () => {
    const without = { ...tencent, FAYUAN_TENCENT_SMS_SECRET_KEY: '' };
    expect(() => readConfig(without)).toThrow(
      'FAYUAN_SMS_PROVIDER=tencent needs FAYUAN_TENCENT_SMS_SECRET_KEY',
    );
    expect(() => readConfig({ ...tencent, FAYUAN_TENCENT_SMS_TEMPLATES: '{otp_code' })).toThrow(ConfigError);
    expect(() =>
      readConfig({ ...tencent, FAYUAN_TENCENT_SMS_TEMPLATES: '{"otp_code":{"id":2000001,"params":[]}}' }),
    ).toThrow('each kind needs');
    expect(() => readConfig({ ...tencent, FAYUAN_TENCENT_SMS_ENDPOINT: 'https://127.0.0.1:8080' })).toThrow(
      'FAYUAN_TENCENT_SMS_ENDPOINT must be a host name starting with sms.',
    );
  });
});
