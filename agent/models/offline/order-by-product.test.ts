import { describe, expect, it } from 'vitest';
import { twinOrders } from '../../twin-orders';
import { orderByProduct } from './order-by-product';

const orders = twinOrders();

describe('an order named by its product', () => {
  it('is the one open order of that product on the named line', () => {
    expect(orderByProduct('wieso wird der HMI-Auftrag auf Linie 2 nicht rechtzeitig fertig', orders)).toBe('PO-24124');
    expect(orderByProduct('when is the HMI order on line 1 done', orders)).toBe('PO-24121');
  });

  it('is the only order of that product, without a line', () => {
    expect(orderByProduct('why is the drive board order late', orders)).toBe('PO-24119');
    expect(orderByProduct('wie weit ist der PSU-Auftrag', orders)).toBe('PO-24120');
  });

  it('is none when several orders fit, none does, or an id is typed', () => {
    expect(orderByProduct('why is the HMI order late', orders)).toBeUndefined(); // two HMI orders, on two lines
    expect(orderByProduct('why is the HMI order on line 3 late', orders)).toBeUndefined();
    expect(orderByProduct('why is PO-24118 late, the HMI order', orders)).toBeUndefined();
  });

  it('is none for work orders and for products named without an order', () => {
    expect(orderByProduct('create a work order for the HMI line', orders)).toBeUndefined();
    expect(orderByProduct('how many HMI boards did line 2 make', orders)).toBeUndefined();
  });

  it('skips finished orders', () => {
    const finished = orders.map((order) => (order.id === 'PO-24121' ? { ...order, complete: true } : order));
    expect(orderByProduct('why is the HMI order late', finished)).toBe('PO-24124');
  });
});
