# Copyright 2026 ChatwootAI
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""English event families of ``sentiment_en_events.tsv`` (see ``build_implicit.py``).

Customers of Latin American shops writing in English: the facts that make a message negative
(late, never, missing, broken, charged twice, no answer), the same kind of facts told as good news
(early, well packed, as described, lasting, quick help, buying again), and neutral messages that
use the same words without judging anything. Grouped by area: delivery, billing, product quality,
service, loyalty. Negation on both sides ("never arrived" / "never had a problem", "not a single
scratch", "hasn't faded").
"""

SLOTS = {
    "p": [
        "the blender",
        "the phone case",
        "the sandals",
        "the jacket",
        "the headphones",
        "the serum",
        "the mascara",
        "the jeans",
        "the coffee maker",
        "the bedsheets",
        "the watch",
        "the swimsuit",
        "the shampoo",
        "the handbag",
        "the air fryer",
        "the running shoes",
        "the necklace",
        "the foundation",
    ],
    "n": ["two days", "a week", "10 days", "three weeks", "20 days", "a fortnight", "4 days"],
    "m": ["two months", "six months", "a year", "three months", "eight months", "a whole year"],
    "t": ["five minutes", "ten minutes", "an hour and a half", "40 minutes", "three hours"],
    "k": ["two", "three", "four", "five"],
    "ord": ["second", "third", "fourth", "fifth", "tenth"],
    "day": ["on Tuesday", "on Saturday", "on the 20th", "last Thursday", "this morning"],
    "when": ["Tuesday", "Saturday", "the 20th", "next week", "the weekend", "Mother's Day"],
    "city": ["Bogotá", "Lima", "Mexico City", "Santiago", "Medellín", "Quito", "Guadalajara"],
    "pay": ["Mercado Pago", "PayPal", "bank transfer", "OXXO", "my debit card", "PSE", "Yape"],
    "amt": ["$35", "$120", "$18.50", "$64", "$9.99", "$210"],
    "courier": ["the courier", "DHL", "Estafeta", "the driver", "Servientrega", "Olva"],
    "part": ["the lid", "the cable", "the manual", "the strap", "the second shoe", "the refill"],
    "defect": [
        "a stain on the front",
        "a hole in the sleeve",
        "a dent on the side",
        "a broken zipper",
        "a crack in the glass",
        "a loose button",
    ],
    "rel": ["my mom", "my sister", "my boss", "my best friend", "my husband", "my aunt"],
    "num": ["58213", "7704", "120988", "3391", "44210"],
    "agent": ["Laura", "Diego", "your agent", "the girl on the chat", "the support team"],
    "early": [
        "a day early",
        "two days early",
        "ahead of schedule",
        "before the estimated date",
        "sooner than promised",
        "earlier than the tracking said",
    ],
    "packed": [
        "really well packed",
        "carefully wrapped",
        "without a scratch",
        "in perfect condition",
        "with bubble wrap all around",
        "with a little thank-you note",
    ],
    "fault": [
        "run",
        "smudge",
        "fade",
        "itch",
        "slip",
        "pinch",
        "leak",
        "squeak",
        "wrinkle",
        "shrink",
        "peel",
        "stain",
        "tangle",
        "overheat",
        "rust",
        "crack",
    ],
    "flaw": [
        "scratch",
        "stain",
        "wrinkle",
        "loose thread",
        "blister",
        "day of delay",
        "missing piece",
        "dent",
        "mark",
        "problem",
    ],
    "extra": [
        "without charging me shipping",
        "at no extra cost",
        "without me asking",
        "free of charge",
        "without any paperwork",
        "before I even asked",
    ],
    "moved": [
        "cried",
        "teared up",
        "was over the moon",
        "couldn't stop smiling",
        "hugged me",
        "screamed with joy",
    ],
    "cloth": ["socks", "white shirt", "towels", "sofa", "hands", "bag lining"],
    "vol": ["500 ml", "1 litre", "a 12-pack", "the large size", "the family size"],
    "vol2": ["250 ml", "half a litre", "a 6-pack", "the small size", "the travel size"],
    "symptom": ["itching", "sneezing", "getting rashes", "waking up with back pain", "snoring"],
    "act": ["lunch", "the gym", "a ten-hour shift", "swimming", "a rainy day"],
}

TEMPLATES = {
    "negative": [
        # delivery: never / still / late / wrong place
        "Order {num} never arrived",
        "My {p} never showed up and tracking says delivered",
        "I'm still waiting for order {num}, it's been {n}",
        "It was supposed to arrive {day} and it still hasn't",
        "They rescheduled my delivery for the {ord} time",
        "Tracking hasn't moved since {day}",
        "I stayed home all day and {courier} never came",
        "{p} arrived {n} late, after {when}",
        "It was a gift for {when} and it got here after",
        "The package went back to the warehouse without anyone calling me",
        "{courier} delivered my order to another address",
        "It's been {n} and order {num} hasn't even shipped",
        "The estimated date moved from {when} to who knows when",
        # billing: twice / extra / refund missing
        "I was charged twice for order {num}",
        "There are {k} charges of {amt} on my card for one purchase",
        "I paid with {pay} and the order still says payment pending",
        "The {amt} left my account but the order was cancelled",
        "The refund you promised {day} is still not in my account",
        "I returned {p} {n} ago and haven't seen the money",
        "I was charged {amt} more than the price on the website",
        "You charged me shipping on a free shipping order",
        "I cancelled {day} and still got billed {amt}",
        "The installments were charged all at once",
        "The invoice came with the wrong name again",
        # product quality: broke / stopped / different / expired
        "{p} stopped working after {n}",
        "{p} came with {defect}",
        "{p} arrived without {part}",
        "The seal of {p} was already broken when it came",
        "{p} shrank after the first wash",
        "The colour of {p} ran in the wash",
        "{p} expires next month and I just bought it",
        "My skin broke out after two days with {p}",
        "{p} smells like plastic and gives me a headache",
        "The battery of {p} lasts less than {t}",
        "{p} doesn't turn on",
        "I got one size of shoe and another of the other",
        "{p} is nothing like the description",
        # service: no answer / transferred / ignored / again
        "{k} messages and nobody has answered",
        "I was transferred {k} times and still no answer",
        "The chat closed my ticket without solving anything",
        "This is the {ord} time I write about order {num}",
        "You said you would call me back {day} and nobody did",
        "Every agent asks me for the same information again",
        "I've been on hold for {t}",
        "The ticket says solved but I still don't have my {p}",
        "Nobody at the store in {city} knew anything about my order",
        "I asked for an exchange {n} ago and nothing has happened",
        # amounts, colour transfer, payment not found, parts that do not line up
        "I ordered {vol} and got {vol2}",
        "The box said {k} units and there were fewer inside",
        "{p} left dye all over my {cloth}",
        "You say you can't find my payment of {amt}",
        "{p} doesn't line up with {part}",
        "{p} smells burnt after {t} of use",
    ],
    "positive": [
        # delivery: early / well packed / as promised
        "{p} arrived {early}",
        "It came {early} and {packed}",
        "Got {p} {packed}, thanks",
        "Ordered {day} and it was here the next morning",
        "Even to {city} it took only {n}",
        "{courier} called before coming and was super polite",
        "Right on the date you said, no delays at all",
        "Everything arrived {packed}",
        # description match / fit / quality
        "{p} is exactly as described",
        "{p} is exactly like the photos",
        "The size guide was spot on, {p} fits perfectly",
        "Seeing {p} in real life, it beats the pictures",
        "{p} is true to size and the fabric is thick",
        "{m} using {p} and it's like new",
        "Washed {p} many times and the colour hasn't faded",
        "{p} hasn't lost its shape at all",
        "Not a single scratch on {p}",
        "{p} doesn't irritate my skin at all",
        "No complaints about {p}, it does what it promises",
        "{p} has been working every day for {m}",
        "My {p} still works like the first day",
        "Never had a single problem with {p}",
        "The quality of {p} is way above the price",
        # billing: refund fast / no surprises
        "The refund was on my card {n} later, much faster than I thought",
        "You reversed the double charge in {t}, thank you",
        "The coupon worked and I saved {amt}",
        "Charged exactly what the site said, no surprises",
        "Paying with {pay} was quick and the order confirmed right away",
        # service: solved fast / followed up
        "{agent} solved it in {t}",
        "I got an answer in {t} even on a Sunday",
        "They sent the replacement before I returned the old one",
        "{agent} followed up the next day to check that everything was fine",
        "First time a shop answers me this fast",
        "{agent} explained everything with patience",
        # loyalty: again / recommending / gifts
        "{ord} order with you and always on time",
        "Already recommended you to {rel}",
        "Ordering another one for {rel}",
        "{rel} loved the gift",
        "Everyone asks me where I bought {p}",
        "I'll be buying from you again",
        # praise told as a problem that did not happen, and things done for the customer
        "{p} doesn't {fault}, not even after {n}",
        "{p} did not {fault} once",
        "Not a single {flaw} on {p}",
        "Not one {flaw} in {k} orders",
        "Nothing was missing, not even {part}",
        "{m} and {p} hasn't given me a single {flaw}",
        "They changed {p} {extra}",
        "You sent the other size {extra}",
        "{agent} fixed my order {extra}",
        "{rel} {moved} when she opened {p}",
        "{rel} {moved} with the gift",
        "You kept me posted at every step of the delivery",
        "I got a free sample with {p}",
        "Finally {p} that stays in place all day",
        "You can tell {p} was checked before shipping",
        # coming back, best ever, exactly what was needed, symptoms gone, stays on
        "{ord} order here and I keep coming back",
        "Best purchase I've made in years, {p}",
        "{p} is the softest I've ever had",
        "Just what I was looking for",
        "You gave me free shipping on my {ord} order",
        "I wrote at night and had the answer by morning",
        "Since we started using {p}, {rel} stopped {symptom}",
        "{p} stays on even after {act}",
        "{p} comes out of the wash without wrinkles",
    ],
    "neutral": [
        "The doorbell doesn't work, please call me when you get here",
        "My phone has no signal at home, email me instead",
        "I'll come by the {city} branch tomorrow to pick it up",
        "I'd like to know if the warranty covers {part}",
        "Can I pay half now and the rest on delivery?",
        "I work until 6, can {courier} come after that?",
        "Please leave {p} with the doorman",
        "I'm sending the reference number of the {pay} payment",
        "The building has a front desk, you can leave it there",
        "Is {p} checked before it ships?",
        "Does {p} fade in the sun?",
        "Do you charge for exchanging {p}?",
        "Will {p} arrive before {when}?",
        "Can it arrive earlier if I pay for express shipping?",
        "I paid with {pay} {day}",
        "I placed order {num} {day}",
        "Is {p} exactly as in the photo?",
        "Do you ship to {city}? How many days does it take?",
        "How much is shipping to {city}?",
        "Can I pay {amt} in {k} installments?",
        "Can I pay with {pay}?",
        "I'd like to return {p}, how does it work?",
        "What is the warranty on {p}?",
        "Does {p} come with {part}?",
        "Is there a store in {city} where I can pick it up?",
        "What time does {courier} usually come?",
        "Could the delivery be on {when}?",
        "I want to change the size on order {num}",
        "Is {p} waterproof?",
        "What if I get charged twice by mistake?",
        "How many days does a refund take with {pay}?",
        "Is the price of {p} the same in the store?",
        "Order {num}, just checking the delivery address",
        "Please send the invoice of order {num} to my email",
        "I'll be home after 6 {day}",
        "Does {p} come in another colour?",
        "Can I still cancel order {num}?",
        "Do you have {p} in stock in {city}?",
        "Is the {amt} with taxes included?",
        "My delivery is for {when}, right?",
        "How do I know my size for {p}?",
        "I'm sending you the payment receipt from {pay}",
    ],
}

#: Hand-written rows in other domains (pharmacy, pets, toys, furniture, groceries, electronics,
#: books), one fact each, so the model does not tie a polarity to the template products.
SENTENCES = """
neg|The dog food bag had a hole and half of it spilled in the box
neg|I ordered 6 cans and got 4
neg|The bookshelf came with no screws
neg|The toy car's wheel fell off on Christmas morning
neg|My prescription was supposed to be ready yesterday, it isn't
neg|The milk in the grocery order was past its date
neg|Two of the glasses were in pieces
neg|The sofa was delivered to the lobby and left there
neg|The laptop charger gets really hot and then shuts off
neg|The book has pages 40 to 60 missing
neg|You sold me a used phone as new, it has fingerprints and a scratched screen
neg|I waited at the pick-up point for an hour and the order wasn't there
neg|The mattress still hasn't been picked up for the return
neg|I've written to the email address three times this week
neg|The cat litter came with the bag open all over the car
neg|The paint can arrived with the lid loose and paint everywhere
neg|Same problem with the second unit you sent
neg|The tablet restarts on its own every few minutes
neg|I paid for express and it took the same as standard
neg|The voucher you gave me as compensation expired before I could use it
neg|Third week without my money back
neg|The curtains are 30 cm shorter than the listing
neg|The app charged my card but the order doesn't appear anywhere
neg|The tracking link has shown an error since Monday
neg|They brought someone else's groceries
pos|The pharmacy order was ready in 20 minutes
pos|The dog goes crazy for these treats
pos|The bookshelf took ten minutes to put together, instructions were clear
pos|My son hasn't let go of the toy since it arrived
pos|All the glasses came intact, each one wrapped separately
pos|The sofa guys even carried it up to the third floor
pos|The laptop boots in seconds
pos|Fresh fruit, nothing bruised, even the avocados were just right
pos|The phone came sealed with the original box
pos|Picked it up at the store the same afternoon
pos|The mattress made my back pain go away
pos|Someone called me to confirm the address, nice detail
pos|The paint covers in one coat
pos|Two years with this kettle and not a single issue
pos|The tablet battery lasts the whole day
pos|The refund showed up before the courier even collected the box
pos|The curtains match the photos perfectly
pos|Checkout took a minute and the confirmation came right away
pos|They remembered my order from last time and asked if I wanted the same
pos|The coffee beans smell amazing when you open the bag
pos|Support replaced it without asking for photos or anything
pos|Third time ordering the cat food here, always fresh
pos|Delivered on a Sunday, didn't expect that
pos|The print quality of the book is excellent
pos|Exactly the model I wanted, original and sealed
neu|Does the pharmacy deliver on Sundays?
neu|Can the dog food be delivered every month automatically?
neu|Does the bookshelf come assembled?
neu|What age is the toy for?
neu|Do you need the prescription in person?
neu|Is the milk delivered cold?
neu|How many glasses come in the set?
neu|Do the delivery guys carry furniture upstairs?
neu|Which charger does the laptop use?
neu|Is the book in Spanish or English?
neu|Is the phone unlocked for any carrier?
neu|What are the pick-up point hours?
neu|How do I schedule the mattress return?
neu|Which email should I write to for invoices?
neu|What size is the cat litter bag?
neu|How many square metres does a can of paint cover?
neu|Can I exchange it for a different model?
neu|Does the tablet have a SIM slot?
neu|How much is express delivery?
neu|When does the voucher expire?
neu|Can the refund go to a different card?
neu|What length are the curtains?
neu|Do I need the app to order?
neu|Where do I find the tracking link?
neu|Can I add something to my grocery order?
pos|Wore the dress to the wedding and got compliments all night
pos|The moisturiser sinks in fast and my face isn't oily anymore
pos|Ran a half marathon in these shoes, zero pain
pos|Ten washes later the t-shirt is still black
pos|The kids' raincoat kept them completely dry
pos|The blender crushes ice in seconds
pos|Answered on WhatsApp at 11 pm and fixed my address
pos|The package had my name handwritten with a little drawing
pos|It's my go-to shop now for gifts
pos|The earrings don't turn my ears green like the cheap ones
pos|The delivery guy waited while I came down from the fifth floor
pos|My mother-in-law asked for the link
pos|Bought one, came back for three more
pos|The heels are high but I danced the whole night
pos|The perfume is still on my scarf the next day
neg|The shirt's colour came out in the first wash and dyed my jeans
neg|I've been asking for the invoice since last month
neg|The heel came unglued on the first walk
neg|The box said 12 pieces and there were 9
neg|The blender lid doesn't close, it leaks everywhere
neg|The screen protector doesn't fit my model even though I picked it from the list
neg|The app says delivered at 3 pm, I was home and nobody came
neg|I sent the photos they asked for twice and I'm still waiting
neg|They took the return on Monday and my card hasn't seen a cent
neg|The foundation is three shades darker than the swatch
neg|It smells of smoke, like it was stored in someone's house
neg|Customer service gave me a case number that doesn't exist
neg|It was cheaper on your own website than what I was charged at the store
neg|The warranty card was blank and unstamped
neg|Half the order came, the rest "out of stock" after I paid
neu|Ok, I'll wait for the email then
neu|Alright, I'll let you know when it arrives
neu|Fine, I'll check with my bank
neu|Noted, thanks for the info
neu|I'll be out Friday, can it come Saturday?
neu|It's for a gift, can you leave the price off?
neu|I sent the transfer from my husband's account
neu|Will you restock the black one?
neu|Which one is bigger, the 500 ml or the 750 ml?
neu|Do you do same-day delivery in Bogotá?
"""
