import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { useCardData } from './useCardData';

function Card(props: {
  client: object;
  requestKey: string;
  load: () => Promise<string>;
}) {
  const { value, loading, error } = useCardData(
    props.client,
    props.requestKey,
    props.load,
  );
  if (loading) return <p>loading</p>;
  if (error) return <p>error: {error.message}</p>;
  return <p>value: {value}</p>;
}

describe('useCardData', () => {
  it('starts the request while rendering, before any commit', () => {
    const load = jest.fn(() => new Promise<string>(() => {}));
    // The server renderer runs no effects: only a request started in render is made.
    const html = renderToString(
      <Card client={{}} requestKey="slos:component:default/a" load={load} />,
    );
    expect(html).toContain('loading');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reuses the request a thrown-away render started, and requests again for a new key', async () => {
    const client = {};
    const load = jest.fn(async () => 'first');
    // A render React throws away: nothing commits, the request stays.
    renderToString(<Card client={client} requestKey="k1" load={load} />);
    const { rerender } = render(
      <Card client={client} requestKey="k1" load={load} />,
    );
    expect(await screen.findByText('value: first')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);

    rerender(<Card client={client} requestKey="k1" load={load} />);
    expect(load).toHaveBeenCalledTimes(1);

    const next = jest.fn(async () => 'second');
    rerender(<Card client={client} requestKey="k2" load={next} />);
    expect(await screen.findByText('value: second')).toBeInTheDocument();
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('does not share a response between two clients', async () => {
    render(
      <>
        <Card client={{}} requestKey="same" load={async () => 'one'} />
        <Card client={{}} requestKey="same" load={async () => 'two'} />
      </>,
    );
    expect(await screen.findByText('value: one')).toBeInTheDocument();
    expect(await screen.findByText('value: two')).toBeInTheDocument();
  });

  it('shows a loader that throws as an error, not a crash', async () => {
    render(
      <Card
        client={{}}
        requestKey="bad"
        load={() => {
          throw new Error('no entity ref');
        }}
      />,
    );
    expect(await screen.findByText('error: no entity ref')).toBeInTheDocument();
  });
});
