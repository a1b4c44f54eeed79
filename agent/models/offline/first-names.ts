/**
 * First names a floor message may be addressed to: "Thomas, mach mal den Drucker L1 wieder an", "Mike, can you
 * restart the L2 packer". A message that starts or ends by calling a person by name is written to that person
 * (pasted from a team chat, or typed into the wrong window), not to the copilot, so nothing in it is filed.
 *
 * Common names on German and English-speaking shop floors (German, English, Turkish, Polish, Italian, Balkan).
 * Names that are also everyday words in a request are left out: "Will", "Max", "Mark", "Can", "Jo", "Bill",
 * "Art", "Pat", "May", "Hope", "Grace", "Frank", "Ray", "Rob", "Sonne".
 */
const NAMES = `
alex alexander andi andrea andreas angelika anja anke anna anne annika antje armin arne axel
ben benedikt benjamin bernd bettina birgit björn bjoern boris brigitte britta bruno
carina carla carmen carsten caro charlotte chris christa christian christina christine christoph claudia clemens conny
dagmar daniel daniela david denise dennis detlef dieter dirk doris dominik
edgar egon elena elke emil emma erik erika erwin esther eva
fabian felix florian frank franz frederik friedrich fritz
gabi gabriele georg gerd gerhard gisela gregor gudrun günter guenter günther guenther
hannah hannes hans harald heike heiko heinz helga helmut hendrik henning herbert holger horst hubert
ilse ina ines ingo ingrid iris
jakob jan jana janina jannik jasmin jens jessica joachim jochen johann johanna johannes jonas jonathan jörg joerg josef jürgen juergen julia julian julius jutta
kai karin karl karsten katharina kathrin katja kerstin kevin klaus konrad kurt
lara lars laura lea lena leon lisa lothar lukas luca luisa lutz
madeleine maik malte manfred manuel manuela marc marcel marco marcus maria marie marina mario marion marius markus martin martina mathias matthias melanie michael michaela michelle mike miriam monika moritz
nadine natalie nicole niklas nico nils nina norbert
olaf oliver olga oskar
patrick paul paula peter petra philipp
rainer ralf ralph regina reinhard renate rené rene richard robert roland rolf ronny rudi rüdiger ruediger
sabine sabrina sandra sarah sascha sebastian silke simon simone sonja stefan stefanie steffen stephan susanne sven svenja
tanja thomas thorsten tim timo tobias tom torsten udo ulf ulla ulrich ulrike ute uwe
vanessa verena viktor volker
walter werner wilhelm willi wolfgang
yvonne
andrew amy brian chloe daniel dave emily george gary harry jack jake james jason jeff jennifer jim joe john josh kate kevin laura lucy matt mick mike nick olivia pete rachel ryan sam sarah scott sophie steve stuart tony
ahmet ali ayse aylin burak cem deniz elif emre fatma hakan hasan hüseyin hueseyin ibrahim kemal mehmet murat mustafa ömer oemer özlem oezlem serkan tarek yusuf zeynep
agnieszka anna bartek dariusz grzegorz jacek jarek kasia krzysztof marek marta pawel paweł piotr tomasz wojtek zbigniew
alessandro antonio franco giovanni giuseppe luigi marco matteo paolo
dragan goran ivan ivana milan nikola zoran
`;

/** The names above, lowercase. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

const NAME_ALTERNATION = [...FIRST_NAMES].sort((a, b) => b.length - a.length).join('|');

/**
 * A person called by name at the start ("Thomas, …", "hey Mike: …", "@Jens …" is matched elsewhere) or at the end
 * ("…, Thomas!") of a lowercased message.
 */
export const CALLS_A_PERSON = new RegExp(
  `^(?:(?:hey|hi|hallo|servus|moin|yo|ey|na|ok|okay)\\s+)?(?:${NAME_ALTERNATION})\\s*[,:]\\s|,\\s*(?:${NAME_ALTERNATION})\\s*[!.?]*\\s*$|` +
    // Dictated, with no comma: "hey mike can you stop …", "du stefan kannst du mal …".
    `^(?:hey|hi|hallo|du|ey|yo|na)\\s+(?:${NAME_ALTERNATION})\\s+(?:can|could|would|will|please|pls|kannst|k(?:ö|oe)nntest|w(?:ü|ue)rdest|machst|mach|bitte|mal)\\b`,
  'u',
);
