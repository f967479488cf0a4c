/** An id or code: left-to-right and unbroken inside right-to-left text. */
export const Code = ({ children, testId }: { children: string; testId?: string }) => (
  <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
    {children}
  </bdi>
);
