export function Card({ url, title, open }) {
  return (
    <section>
      <img src={url} className="avatar" />{/* expect: accessibility.img-alt */}
      <img src={url} alt={title} />
      <img src="divider.png" alt="" />
      <div className="card" onClick={() => open(url)}>{/* expect: accessibility.click-non-interactive */}
        {title}
      </div>
      <div role="button" tabIndex={0} onClick={open} onKeyDown={open}>Open</div>
      <button type="button" onClick={open}>Open</button>
      <input type="text" value={title} />{/* expect: accessibility.input-label */}
      <label htmlFor="q">Search</label>
      <input id="q" type="search" />
      <input aria-label="Filter" />
      <input type="hidden" name="csrf" value="token" />
    </section>
  );
}
