import type { portal as zh } from '../zh-CN/portal';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

// The public portal: the frame, sign-in and home.
export const portal: Shape<typeof zh> = {
  portal: {
    title: 'Legal Aid Online',
    skipToContent: 'Skip to content',
    navLabel: 'Portal navigation',
    formErrors: 'Please check: {{fields}}',
    signIn: 'Sign in',
    signOut: 'Sign out',
    elderMode: 'Large text',
    footer: 'Beijing legal aid online services · Legal aid hotline 12348',
    nav: {
      home: 'Home',
      selfTest: 'Self-test',
    },
    home: {
      title: 'Legal Aid Online',
      intro:
        'No trips needed: apply for legal aid, follow your application and book a consultation on your phone.',
      signInTile: 'Sign in with an SMS code',
      hotline: 'Not online? Call the legal aid hotline',
    },
    signInPage: {
      title: 'Sign in',
      intro: 'Enter your phone number and sign in with the code we text you. No account, no password.',
      phone: 'Phone number',
      phoneRequired: 'Enter your phone number',
      phoneInvalid: 'Enter an 11-digit mobile number',
      sendCode: 'Send code',
      resendIn: 'Send again in {{seconds}} s',
      sent: 'The code has been sent; it is valid for 5 minutes',
      code: 'SMS code',
      codeRequired: 'Enter the code',
      codeInvalid: 'The code has 6 digits',
      submit: 'Sign in',
      privacy:
        'Your phone number is used only to sign in and tell you about your case; it is encrypted and never shared.',
    },
  },
};
